namespace Marsad.Monitoring;

/// <summary>
/// A parsed robots.txt (RFC 9309). Rules:
/// <list type="bullet">
/// <item>lines are grouped: consecutive <c>User-agent</c> lines open a group, the <c>Allow</c>/<c>Disallow</c>/
/// <c>Crawl-delay</c> lines after them belong to it; groups that name the same agent are merged;</item>
/// <item>a crawler follows the group whose agent is the longest one contained in its product token (case-insensitive),
/// else the <c>*</c> group, else nothing is disallowed;</item>
/// <item>of the rules that match a path, the longest pattern wins, and <c>Allow</c> wins a tie; <c>*</c> matches any run
/// of characters, a final <c>$</c> anchors the end; an empty <c>Disallow</c> allows everything;</item>
/// <item>paths are compared percent-decoded for unreserved characters only, so <c>/a%2Fb</c> and <c>/a/b</c> stay apart.</item>
/// </list>
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>Allows everything (a robots.txt that is missing, or answered 4xx).</summary>
    public static readonly RobotsTxt AllowAll = new([], null);

    /// <summary>Allows nothing (a robots.txt the server failed to give, 5xx: the site may be unwilling, RFC 9309 §2.3.1.3).</summary>
    public static readonly RobotsTxt DisallowAll = new([new Rule("/", false)], null);

    private readonly List<Rule> _rules;

    private RobotsTxt(List<Rule> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>The delay the site asks between two requests of this crawler, if any.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Parses the text for the crawler named by <paramref name="productToken"/> (e.g. "Marsad").</summary>
    public static RobotsTxt Parse(string text, string productToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<(List<string> Agents, List<Rule> Rules, TimeSpan? Delay)>();
        (List<string> Agents, List<Rule> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (!lastWasAgent || current is null)
                    {
                        current = ([], [], null);
                        groups.Add(current.Value);
                    }

                    current.Value.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    // An empty Disallow allows everything: it adds no rule.
                    if (value.Length > 0)
                    {
                        current.Value.Rules.Add(new Rule(Normalize(value), key == "allow"));
                    }

                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                        && seconds >= 0 && seconds < 86400)
                    {
                        var index = groups.FindIndex(g => ReferenceEquals(g.Agents, current.Value.Agents));
                        current = (current.Value.Agents, current.Value.Rules, TimeSpan.FromSeconds(seconds));
                        groups[index] = current.Value;
                    }

                    break;
            }

            lastWasAgent = false;
        }

        var token = productToken.ToLowerInvariant();
        var best = -1;
        var rules = new List<Rule>();
        TimeSpan? delay = null;
        foreach (var group in groups)
        {
            foreach (var agent in group.Agents)
            {
                var length = agent == "*" ? 0 : token.Contains(agent, StringComparison.Ordinal) && agent.Length > 0 ? agent.Length : -1;
                if (length < 0 || length < best)
                {
                    continue;
                }

                if (length > best)
                {
                    best = length;
                    rules = [];
                    delay = null;
                }

                // Groups naming the same agent are merged (RFC 9309 §2.2.1).
                rules.AddRange(group.Rules);
                delay ??= group.Delay;
                break;
            }
        }

        return new RobotsTxt(rules, delay);
    }

    /// <summary>Whether the crawler may fetch the path (with its query) of <paramref name="url"/>.</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = Normalize(url.PathAndQuery);
        if (path == "/robots.txt")
        {
            return true;
        }

        Rule? winner = null;
        foreach (var rule in _rules)
        {
            if (!Matches(rule.Pattern, path))
            {
                continue;
            }

            if (winner is null || rule.Pattern.Length > winner.Pattern.Length
                || (rule.Pattern.Length == winner.Pattern.Length && rule.Allow && !winner.Allow))
            {
                winner = rule;
            }
        }

        return winner?.Allow ?? true;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        return Match(body, 0, path, 0, anchored);
    }

    // Wildcard match from the start of the path; without the anchor the pattern is a prefix. Iterative over '*' with
    // backtracking to the last star: linear in practice, never exponential.
    private static bool Match(string p, int pi, string s, int si, bool anchored)
    {
        int star = -1, mark = 0;
        while (true)
        {
            if (pi == p.Length)
            {
                if (!anchored || si == s.Length)
                {
                    return true;
                }
            }
            else if (p[pi] == '*')
            {
                star = pi++;
                mark = si;
                continue;
            }
            else if (si < s.Length && p[pi] == s[si])
            {
                pi++;
                si++;
                continue;
            }

            if (star < 0 || mark >= s.Length)
            {
                return false;
            }

            pi = star + 1;
            si = ++mark;
        }
    }

    // Percent-escapes in upper case, and unreserved characters decoded, so equal paths compare equal.
    private static string Normalize(string path)
    {
        var sb = new System.Text.StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '%' && i + 2 < path.Length && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
            {
                var c = (char)Convert.ToInt32(path.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                }

                i += 2;
            }
            else if (path[i] > 127)
            {
                // A raw non-ASCII character in the file is the UTF-8 escape a client sends.
                var character = char.IsHighSurrogate(path[i]) && i + 1 < path.Length ? path.Substring(i++, 2) : path[i].ToString();
                foreach (var b in System.Text.Encoding.UTF8.GetBytes(character))
                {
                    sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                sb.Append(path[i]);
            }
        }

        return sb.Length == 0 ? "/" : sb.ToString();
    }

    private sealed record Rule(string Pattern, bool Allow);
}
