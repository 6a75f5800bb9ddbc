// Whole-process benchmarks; each prints its figures. Run in Release:
//   dotnet run -c Release --project bench/Northstar.Bench -- import [rows]
//   dotnet run -c Release --project bench/Northstar.Bench -- simulate [contacts]
//   dotnet run -c Release --project bench/Northstar.Bench -- store [events] [batch]
//   dotnet run -c Release --project bench/Northstar.Bench -- metrics [contacts]
//   dotnet run -c Release --project bench/Northstar.Bench -- forecast [seeds] [contacts]
//   dotnet run -c Release --project bench/Northstar.Bench -- views [events]
//   dotnet run -c Release --project bench/Northstar.Bench -- attribution [journeys] [channels]
//   dotnet run -c Release --project bench/Northstar.Bench -- journeys [conversion] [contacts] [plain]
//   dotnet run -c Release --project bench/Northstar.Bench -- overview [db] [requests]
//   dotnet run -c Release --project bench/Northstar.Bench -- ingest [events] [concurrency]
//   dotnet run -c Release --project bench/Northstar.Bench -- attribution-api [db] [requests]
//   dotnet run -c Release --project bench/Northstar.Bench -- postgres ...   (PostgresBench.cs)
//   dotnet run -c Release --project bench/Northstar.Bench -- clickhouse ... (ClickHouseBench.cs)
return args.FirstOrDefault() switch
{
    "import" => Northstar.Bench.ImportBench.Run(args[1..]),
    "simulate" => Northstar.Bench.SimulatorBench.Run(args[1..]),
    "store" => Northstar.Bench.StoreBench.Run(args[1..]),
    "metrics" => Northstar.Bench.MetricsBench.Run(args[1..]),
    "forecast" => Northstar.Bench.ForecastBench.Run(args[1..]),
    "views" => Northstar.Bench.ViewsBench.Run(args[1..]),
    "attribution" => Northstar.Bench.AttributionBench.Run(args[1..]),
    "journeys" => Northstar.Bench.JourneyBench.Run(args[1..]),
    "overview" => Northstar.Bench.OverviewBench.Run(args[1..]),
    "ingest" => Northstar.Bench.IngestBench.Run(args[1..]),
    "attribution-api" => Northstar.Bench.AttributionApiBench.Run(args[1..]),
    "postgres" => Northstar.Bench.PostgresBench.Run(args[1..]),
    "clickhouse" => Northstar.Bench.ClickHouseBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Northstar.Bench import [rows] | simulate [contacts] | store [events] [batch] | metrics [contacts] | forecast [seeds] [contacts] | views [events] | attribution [journeys] [channels]");
    return 2;
}
