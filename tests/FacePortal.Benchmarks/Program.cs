using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/FacePortal.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
