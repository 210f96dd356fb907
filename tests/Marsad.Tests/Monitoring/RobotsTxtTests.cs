using Marsad.Monitoring;

namespace Marsad.Tests.Monitoring;

public class RobotsTxtTests
{
    private static bool Allowed(string robots, string path) => RobotsTxt.Parse(robots, "Marsad").IsAllowed(new Uri("https://x.example" + path));

    [Fact]
    public void TheGroupOfTheMostSpecificAgentApplies()
    {
        const string robots = "User-agent: *\nDisallow: /\n\nUser-agent: marsad\nUser-agent: other\nDisallow: /private\n";
        Assert.True(Allowed(robots, "/news/1.html"));
        Assert.False(Allowed(robots, "/private/1.html"));
        Assert.False(Allowed("User-agent: *\nDisallow: /\n\nUser-agent: otherbot\nAllow: /\n", "/news/1.html"));
    }

    [Fact]
    public void TheLongestMatchWinsAndAllowWinsATie()
    {
        const string robots = "User-agent: *\nDisallow: /news/\nAllow: /news/public/\nDisallow: /a\nAllow: /a\n";
        Assert.False(Allowed(robots, "/news/x.html"));
        Assert.True(Allowed(robots, "/news/public/x.html"));
        Assert.True(Allowed(robots, "/a/b"));
    }

    [Fact]
    public void WildcardsAndEndAnchorsMatch()
    {
        const string robots = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\nDisallow:\n";
        Assert.False(Allowed(robots, "/docs/a.pdf"));
        Assert.True(Allowed(robots, "/docs/a.pdf.html"));
        Assert.False(Allowed(robots, "/news/1?print=1"));
        Assert.True(Allowed(robots, "/news/1"));
        Assert.True(Allowed("User-agent: *\nDisallow:\n", "/anything"));
    }

    [Fact]
    public void CommentsCaseAndEscapesAreNormalizedAndCrawlDelayIsRead()
    {
        var robots = RobotsTxt.Parse("# site\nUSER-AGENT: *   # all\nCrawl-delay: 2.5\nDisallow: /%d8%a3خبار/\n", "Marsad");
        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay);
        Assert.False(robots.IsAllowed(new Uri("https://x.example/أخبار/1")));
        Assert.True(robots.IsAllowed(new Uri("https://x.example/robots.txt")));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed(new Uri("https://x.example/a")));
    }
}
