// Writes a file whole or not at all: a temporary file beside the target, then a rename. A durable write also forces the bytes and the
// rename to the disk (fsync of the file, then of its folder), so a file that exists after a power cut is whole.
using System.Runtime.InteropServices;
using System.Text;

namespace Sodalite.Results;

/// <summary>Whole-or-nothing file writes (results, artifacts, outbox entries).</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="content"/> (UTF-8, no BOM) to <paramref name="path"/>: to a temporary file in the same folder, then renamed
    /// over the target, so a reader sees the old file or the new one, never a part. With <paramref name="durable"/>, the temporary file
    /// is flushed to the disk before the rename and the folder after it (on Linux and macOS; Windows has no folder flush). Throws
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the folder cannot be written; no temporary file is left.
    /// </summary>
    public static void WriteAllText(string path, string content, bool durable = false) =>
        WriteAllBytes(path, new UTF8Encoding(false).GetBytes(content), durable);

    /// <summary>As <see cref="WriteAllText"/>, for bytes.</summary>
    public static void WriteAllBytes(string path, byte[] content, bool durable = false)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string tmp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                if (durable) stream.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
            if (durable) FlushFolder(dir);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>Forces a folder's entries (a rename into it) to the disk: fsync of the folder, where the system has one.</summary>
    public static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = Open(folder, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"Could not open {folder} to flush it to disk (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"Could not flush {folder} to disk (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // Plain P/Invoke (no unsafe code needed): open(2), fsync(2) and close(2) of the C library.
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project for three calls
    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
#pragma warning restore SYSLIB1054
}
