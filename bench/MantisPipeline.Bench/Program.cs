using MantisPipeline.Bench;

// `scan <folder> [--staged | --since <rev>]` is the child process that the benchmark times;
// with no arguments the benchmark generates its repositories and times every tool on them.
if (args is ["scan", var folder, .. var rest])
{
    return await ScanCommand.RunAsync(folder, rest);
}

var cache = Environment.GetEnvironmentVariable("MANTIS_BENCH_CACHE")
    ?? Path.Combine(Path.GetTempPath(), "mantis-bench");
Directory.CreateDirectory(cache);

var history = new RepositoryGenerator(RepositoryShape.History).Generate(cache);
var tree = new RepositoryGenerator(RepositoryShape.Tree).Generate(cache);
var ours = typeof(ScanCommand).Assembly.Location;

var peers = new Peers(cache);
var measurements = new List<Measurement>();
Console.WriteLine("Timing (wall time and peak memory of each whole process):");
measurements.Add(Measurement.Run("MantisPipeline", "history", history, "dotnet", ours, "scan", history));
measurements.Add(peers.GitSecretsHistory(history));
measurements.Add(Measurement.Run("MantisPipeline", "tree", tree, "dotnet", ours, "scan", tree));
measurements.Add(peers.Secretlint(tree));

Console.WriteLine();
Console.WriteLine(ResultTable.Render(measurements));
return 0;
