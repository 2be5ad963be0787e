using Dgt.Bench;

return args.Length == 0
    ? Usage()
    : args[0] switch
    {
        "rouge" => RougeBenchmark.Run(BenchArguments.Parse(args[1..])),
        "engine" => EngineBenchmark.Run(BenchArguments.Parse(args[1..])),
        "canned-server" => CannedServerCommand.Run(BenchArguments.Parse(args[1..])),
        _ => Usage(),
    };

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Dgt.Bench <subcommand> [options]
          rouge   time the rouge_scorer deduplicator
                  (--input <file.jsonl> --field <name> | --rows <n> --seed <s>) [--threshold <t>]
                  [--score-func f1|precision|recall] [--decisions-out <file>]
                  [--compare-reference] [--reference-rows <n>]
          engine  drive an LLM engine against an in-process fake server
                  [--engine openai|ollama] [--method completion|chat] [--stream]
                  [--latency-ms <ms>] [--concurrency <n>] [--requests <n>] [--rounds <n>]
                  [--server canned|canned-process|test] [--no-baseline]
        """);
    return 2;
}
