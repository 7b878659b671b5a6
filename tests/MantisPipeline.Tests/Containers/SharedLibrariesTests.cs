using System.Runtime.InteropServices;
using MantisPipeline.Containers;

namespace MantisPipeline.Tests.Containers;

public sealed class SharedLibrariesTests
{
    [Theory]
    [InlineData("\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f48)", "/lib/x86_64-linux-gnu/libc.so.6")]
    [InlineData("\t/lib64/ld-linux-x86-64.so.2 (0x00007f483a0e9000)", "/lib64/ld-linux-x86-64.so.2")]
    [InlineData("\tliblttng-ust.so.0 => not found", null)]
    [InlineData("\tlinux-vdso.so.1 (0x00007f483a0e7000)", null)]
    [InlineData("/usr/share/dotnet/dotnet:", null)]
    [InlineData("\tnot a dynamic executable", null)]
    public void An_ldd_line_gives_the_library_path_or_nothing(string line, string? path)
    {
        Assert.Equal(path, SharedLibraries.LibraryPath(line));
    }

    [Fact]
    public async Task The_dotnet_host_needs_the_c_library()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var host = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "dotnet"));
        var libraries = await SharedLibraries.ResolveAsync([host], CancellationToken.None);

        Assert.Contains(libraries, library => library.EndsWith("/libc.so.6"));
        Assert.Contains(libraries, library => library.EndsWith("/libstdc++.so.6"));
    }
}
