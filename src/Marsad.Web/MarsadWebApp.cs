using Marsad.Storage.Knowledge;
using Microsoft.Extensions.FileProviders;

namespace Marsad.Web;

/// <summary>
/// Builds the dashboard's web application: the JSON API (<see cref="ApiEndpoints"/>, read per request from the store's
/// knowledge base), its OpenAPI description at <c>/openapi/v1.json</c>, search over the store's index on disk
/// (<see cref="StoreSearch"/>, kept in line in the background by <see cref="SearchIndexCatchUp"/>), and the static dashboard. Nothing of the corpus is read to start. Rules: it listens where <see cref="ServeOptions.Urls"/> says
/// (loopback by default), answers only the hosts and requests <see cref="ServeAccess"/> lets through; every response
/// carries <see cref="SecurityHeaders"/>; static files come only from the web
/// root, and unknown paths answer 404.
/// </summary>
public static class MarsadWebApp
{
    public static WebApplication Build(ServeOptions options)
    {
        if (ServeAccess.Problem(options) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = webRoot,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddServeAccess(options);
        builder.Services.AddSingleton(options);

        // One reader per request, leased from the pool of open readers and given back with the request.
        builder.Services.AddSingleton<KnowledgeReaderPool>();
        builder.Services.AddScoped<IKnowledgeReader>(s => s.GetRequiredService<KnowledgeReaderPool>().Lease());
        builder.Services.AddScoped<Views.ReadCache>();
        builder.Services.AddSingleton<TrendCache>();
        builder.Services.AddSingleton<StoreSearch>();
        builder.Services.AddSingleton<SearchIndexCatchUp>();
        builder.Services.AddHostedService(s => s.GetRequiredService<SearchIndexCatchUp>());
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Marsad API";
            document.Info.Description = "Stories, events, entities, timeline, discrepancies and exports of the documents in a Marsad store.";
            return Task.CompletedTask;
        }));
        // Lists and texts are large and repetitive (a story page's JSON shrinks about tenfold). Over HTTPS it stays off, the
        // default: answers reflect request text beside store content, the pattern compression side channels need.
        builder.Services.AddResponseCompression(o =>
        {
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "application/geo+json", "text/csv"];
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseServeAccess(options);
        app.UseResponseCompression();
        var files = new PhysicalFileProvider(webRoot);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes(),
        });
        app.MapOpenApi();
        app.MapMarsadApi();
        app.MapAlertEndpoints();
        return app;
    }

    private static Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        types.Mappings[".woff2"] = "font/woff2";
        return types;
    }
}
