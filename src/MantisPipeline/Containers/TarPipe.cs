using System.Formats.Tar;
using System.IO.Pipelines;

namespace MantisPipeline.Containers;

/// <summary>
/// Streams a tar archive to the engine while it is being written, so that a large root
/// filesystem or build context never sits whole in memory or on disk.
/// </summary>
internal static class TarPipe
{
    public static async Task SendAsync(
        Func<TarWriter, CancellationToken, Task> writeEntries,
        Func<Stream, Task> upload,
        CancellationToken ct)
    {
        var pipe = new Pipe();
        using var writerCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writing = Task.Run(() => WriteAsync(pipe.Writer, writeEntries, writerCancel.Token), ct);

        try
        {
            await using var reader = pipe.Reader.AsStream();
            await upload(reader);
        }
        catch (Exception) when (!writing.IsCompletedSuccessfully)
        {
            await writerCancel.CancelAsync();
            await ThrowIfArchiveFailedAsync(writing);
            throw;
        }

        await writing;
    }

    private static async Task ThrowIfArchiveFailedAsync(Task writing)
    {
        try
        {
            await writing;
        }
        catch (OperationCanceledException)
        {
            // Cancelled because the upload failed: the upload's error is the one to report.
            return;
        }
    }

    private static async Task WriteAsync(
        PipeWriter writer,
        Func<TarWriter, CancellationToken, Task> writeEntries,
        CancellationToken ct)
    {
        try
        {
            var stream = writer.AsStream(leaveOpen: true);
            await using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
            {
                await writeEntries(tar, ct);
            }

            await writer.CompleteAsync();
        }
        catch (Exception exception)
        {
            await writer.CompleteAsync(exception);
            throw;
        }
    }
}
