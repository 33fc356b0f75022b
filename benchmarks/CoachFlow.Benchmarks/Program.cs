using CoachFlow.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/CoachFlow.Benchmarks -- [instances]
var instances = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
return await WaitingInstancesBenchmark.RunAsync(instances);
