using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MantisPipeline.Secrets.History;

/// <summary>
/// Streams blobs out of the object database through one `git cat-file --batch`, which unpacks
/// them on its own core while the scan reads the previous ones.
/// </summary>
internal sealed class BlobReader(string root, long maxBlobBytes)
{
    /// <summary>Each blob with its bytes; null bytes mean missing, or larger than the limit (size given).</summary>
    public IEnumerable<(BlobOrigin Origin, byte[]? Bytes, long Size)> Read(
        IReadOnlyList<BlobOrigin> blobs, CancellationToken ct)
    {
        var stored = blobs.Where(blob => blob.WorkingTreeFile is null).ToList();
        foreach (var blob in ReadStored(stored, ct))
        {
            yield return blob;
        }

        foreach (var origin in blobs.Where(blob => blob.WorkingTreeFile is not null))
        {
            var size = new FileInfo(origin.WorkingTreeFile!).Length;
            yield return (origin, size <= maxBlobBytes ? File.ReadAllBytes(origin.WorkingTreeFile!) : null, size);
        }
    }

    private IEnumerable<(BlobOrigin, byte[]?, long)> ReadStored(List<BlobOrigin> stored, CancellationToken ct)
    {
        using var process = GitProcess.Start(root, ["cat-file", "--batch"], input: true);

        // Its own thread, not the pool's: the scan's workers fill the pool while they wait for
        // output, and the ids they wait for would then wait for a pool thread.
        var writer = new Thread(() => WriteIds(process, stored)) { IsBackground = true, Name = "git cat-file input" };
        writer.Start();
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        var finished = false;
        try
        {
            foreach (var origin in stored)
            {
                ct.ThrowIfCancellationRequested();
                yield return ReadOne(output, origin);
            }

            finished = true;
        }
        finally
        {
            // A scan that stops early (cancelled, or a failing rule) must not leave git behind.
            if (!finished && !process.HasExited)
            {
                process.Kill();
            }

            writer.Join();
            process.WaitForExit();
        }

        if (process.ExitCode != 0)
        {
            throw new PipelineException($"`git cat-file --batch` failed in '{root}': {error.Result.Trim()} " +
                "Check the repository with `git fsck`.");
        }
    }

    private static void WriteIds(Process process, List<BlobOrigin> blobs)
    {
        try
        {
            using var input = process.StandardInput;
            foreach (var blob in blobs)
            {
                input.Write(blob.Id);
                input.Write('\n');
            }
        }
        catch (IOException)
        {
            // git stopped reading: it failed or was stopped, and the reader reports that.
        }
    }

    // Each answer is "<id> blob <size>\n<content>\n", or "<id> missing\n".
    private (BlobOrigin, byte[]?, long) ReadOne(Stream output, BlobOrigin origin)
    {
        var header = ReadLine(output).Split(' ');
        if (header.Length < 3)
        {
            return (origin, null, -1);
        }

        var size = long.Parse(header[2], CultureInfo.InvariantCulture);
        byte[]? bytes = null;
        if (size <= maxBlobBytes)
        {
            bytes = new byte[size];
            output.ReadExactly(bytes);
        }
        else
        {
            Skip(output, size);
        }

        output.ReadByte();
        return (origin, bytes, size);
    }

    private static string ReadLine(Stream output)
    {
        var line = new StringBuilder(64);
        for (var next = output.ReadByte(); next is >= 0 and not '\n'; next = output.ReadByte())
        {
            line.Append((char)next);
        }

        return line.ToString();
    }

    private static void Skip(Stream output, long size)
    {
        var buffer = new byte[1 << 16];
        while (size > 0)
        {
            var read = output.Read(buffer, 0, (int)Math.Min(buffer.Length, size));
            if (read <= 0)
            {
                throw new EndOfStreamException("git cat-file ended in the middle of a blob.");
            }

            size -= read;
        }
    }
}
