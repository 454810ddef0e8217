using ContentMachine.Bench;

return args.FirstOrDefault() switch
{
    "cold-start" => await ColdStartBenchmark.RunAsync(Arguments.Int(args, "--runs", 3)),
    "gateway" => await GatewayBenchmark.RunAsync(Arguments.Int(args, "--seconds", 10), Arguments.Int(args, "--connections", 16), Arguments.Int(args, "--rounds", 3)),
    "front-door" => await FrontDoorBenchmark.RunAsync(Arguments.Int(args, "--seconds", 10), Arguments.Int(args, "--connections", 16), Arguments.Int(args, "--rounds", 3)),
    "projects-post" => await ProjectsPostBenchmark.RunAsync(Arguments.Int(args, "--seconds", 10), Arguments.Int(args, "--connections", 16), Arguments.Int(args, "--rounds", 3)),
    "outbox" => await OutboxBenchmark.RunAsync(Arguments.Int(args, "--events", 5000)),
    "storage" => await StorageBenchmark.RunAsync(Arguments.Int(args, "--mb", 256), Arguments.Int(args, "--rounds", 3)),
    "search" => await SearchBenchmark.RunAsync(Arguments.Int(args, "--queries", 500), Arguments.Int(args, "--documents", 20000)),
    "pipeline" => await PipelineBenchmark.RunAsync(Arguments.Int(args, "--rounds", 3), Arguments.Int(args, "--batch", 6), Arguments.Int(args, "--duration", 30)),
    "render" => await RenderBenchmark.RunAsync(args),
    "otlp-ingest" => await OtlpIngestBenchmark.RunAsync(Arguments.Int(args, "--batches", 400), Arguments.Int(args, "--senders", 4), Arguments.Int(args, "--rounds", 5)),
    "telemetry-cost" => await TelemetryCostBenchmark.RunAsync(Arguments.Int(args, "--seconds", 10), Arguments.Int(args, "--connections", 16), Arguments.Int(args, "--rounds", 4)),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project bench/ContentMachine.Bench -- <benchmark> [options]
          cold-start [--runs 3]                                   stack start to all-healthy: fresh state and existing state
          gateway [--seconds 10] [--connections 16] [--rounds 3]  the same GET directly and through the gateway (needs wrk)
          front-door [--seconds 10] [--connections 16] [--rounds 3]  the same GET through the gateway, auth + rate limits on vs off (needs wrk)
          projects-post [--seconds 10] [--connections 16] [--rounds 3]  POST /api/projects with the outbox on (needs wrk)
          outbox [--events 5000]                                  relay throughput and commit-to-consumer delay
          storage [--mb 256] [--rounds 3]                         upload/download throughput: Storage service vs the S3 server directly
          search [--queries 500] [--documents 20000]              embedded index p50/p99 at 10k/100k vectors vs naive brute force; indexing docs/s
          pipeline [--rounds 3] [--batch 6] [--duration 30]      topic to rendered video (median, per stage); a batch with 1 vs 2 replicas
          render [--seconds 30,60] [--rounds 3] [--keep]          1080x1920 render through FfmpegRunner vs bare ffmpeg, same arguments
          otlp-ingest [--batches 400] [--senders 4] [--rounds 5]  spans/s the AppHost's OTLP receiver stores, vs decoding in process
          telemetry-cost [--seconds 10] [--connections 16] [--rounds 4]  gateway GET p50/p99 with the services' exporter on vs off (needs wrk)
        """);
    return 2;
}
