using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marsad.Web;

/// <summary>
/// A download written as it is sent. The exporters write synchronously, page by page; they run on a thread of their own
/// into a small pipe the response copies from asynchronously, so a slow client holds a pipe's worth of bytes and one
/// blocked thread that is not the server's, never a copy of the file. A client that goes away stops the writer at its
/// next write.
/// </summary>
internal static class StreamedDownload
{
    private const int PipeBytes = 1 << 16;

    public static PushStreamHttpResult Of(HttpContext http, string contentType, string fileName, Action<Stream> write) =>
        TypedResults.Stream(async body =>
        {
            var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PipeBytes, resumeWriterThreshold: PipeBytes / 2, useSynchronizationContext: false));
            var writer = Task.Factory.StartNew(() => Produce(pipe.Writer, write), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                await pipe.Reader.CopyToAsync(body, http.RequestAborted);
            }
            finally
            {
                // Gone or failed: the writer's next flush is cancelled and it stops; its reader (scoped to this request) is released after.
                pipe.Writer.CancelPendingFlush();
                await pipe.Reader.CompleteAsync();
                await writer;
            }
        }, contentType, fileName);

    private static void Produce(PipeWriter pipe, Action<Stream> write)
    {
        try
        {
            using var stream = pipe.AsStream();
            write(stream);
        }
        catch (OperationCanceledException)
        {
            // The client went away mid-download: nothing more to send.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            pipe.Complete(ex);
        }
    }
}
