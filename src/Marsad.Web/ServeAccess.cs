using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.HostFiltering;

namespace Marsad.Web;

/// <summary>
/// Who may read the served corpus. Rules:
/// <list type="bullet">
/// <item>Host filtering: a request whose <c>Host</c> is not in <see cref="ServeOptions.AllowedHosts"/> answers 400, so a
/// page on another site cannot read the corpus through DNS rebinding. By default only localhost, 127.0.0.1 and [::1];
/// when listening beyond loopback with a token and no allowed hosts given, any host (the token protects).</item>
/// <item>Listening on any address other than loopback needs a token (<see cref="ServeOptions.Token"/>, at least
/// <see cref="MinTokenLength"/> characters); without one the server refuses to start.</item>
/// <item>With a token, every request carries it: <c>Authorization: Bearer TOKEN</c>, or the <see cref="CookieName"/>
/// cookie that opening <c>/?token=TOKEN</c> once sets (HttpOnly, SameSite=Strict); anything else answers 401.</item>
/// </list>
/// </summary>
public static class ServeAccess
{
    public const string CookieName = "marsad_token";

    public const int MinTokenLength = 16;

    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Whether a listening URL stays on this machine (a loopback address or localhost).</summary>
    public static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>Why these options cannot be served safely (one line), or null when they can.</summary>
    public static string? Problem(ServeOptions options)
    {
        if (options.Token is { } token && token.Length < MinTokenLength)
        {
            return $"the access token must have at least {MinTokenLength} characters";
        }

        var open = options.Urls.FirstOrDefault(u => !IsLoopback(u));
        return open is not null && options.Token is null
            ? $"refusing to listen on {open} without a token: the corpus would be readable from the network; give --token (or MARSAD_TOKEN) or listen on 127.0.0.1"
            : null;
    }

    /// <summary>The hosts a request may name: the configured ones, else loopback (or any, when a token guards an open address).</summary>
    public static IList<string> AllowedHosts(ServeOptions options) =>
        options.AllowedHosts.Count > 0 ? [.. options.AllowedHosts]
        : options.Token is not null && options.Urls.Any(u => !IsLoopback(u)) ? ["*"]
        : [.. LoopbackHosts];

    public static void AddServeAccess(this IServiceCollection services, ServeOptions options) =>
        services.AddHostFiltering(o =>
        {
            o.AllowedHosts = AllowedHosts(options);
            o.IncludeFailureMessage = false;
        });

    public static IApplicationBuilder UseServeAccess(this IApplicationBuilder app, ServeOptions options)
    {
        app.UseHostFiltering();
        if (options.Token is not { } token)
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes(token);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Query.TryGetValue("token", out var given) && Matches(given.ToString(), expected))
            {
                // Once, from a link: the token moves into a cookie and out of the address bar (and of any referrer).
                context.Response.Cookies.Append(CookieName, token, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = request.IsHttps,
                    Path = "/",
                });
                context.Response.Redirect(request.PathBase + request.Path);
                return;
            }

            var header = request.Headers.Authorization.ToString();
            var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
            if (Matches(bearer, expected) || Matches(request.Cookies[CookieName], expected))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.Response.WriteAsync("this Marsad server needs its access token: open /?token=TOKEN once, or send Authorization: Bearer TOKEN\n");
        });
    }

    private static bool Matches(string? given, byte[] expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);
}
