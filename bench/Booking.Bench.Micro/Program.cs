using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: the benchmarks run inside this build, so BenchmarkDotNet never generates a project of its own that
// would have to satisfy the repository's central package management and warnings-as-errors.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)))
    .AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Booking.Bench.Micro.AvailabilityBenchmarks).Assembly).Run(args, config);
