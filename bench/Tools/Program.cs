using Reset.Bench.Tools;

// bench-tools COMMAND --option value …; ./bench.sh is the caller, see there for the order.
var options = Options.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "argon2" => Argon2Throughput.Run(options),
    "smtp-sink" => await SmtpSink.RunAsync(options),
    "smtp-probe" => await SmtpProbe.RunAsync(options),
    "seed" => await SeedCommand.RunAsync(options),
    "tokens" => await TokensCommand.RunAsync(options),
    "tickets" => await TicketsCommand.RunAsync(options),
    "timing" => await TimingCommand.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: bench-tools COMMAND [--option value …]
          argon2     --seconds S --memory-kib M --iterations T [--threads N]   raw Argon2id throughput
          smtp-sink  --port P --out FILE                                       writes "recipient<TAB>code" per e-mail
          smtp-probe --port P [--count N]                                      ms per message, MailKit as the service sends
          seed       --url U --api-key K --prefix P --count N --out FILE       customers through the internal API
          tokens     --url U --logins FILE --count N --out FILE                solved ALTCHA tokens, "login<TAB>token"
          tickets    --url U --logins FILE --count N --out FILE --mode wrong|right|reset [--codes FILE]
          timing     --url U --api-key K --out FILE [--blocks 200] [--per-address 25] [--warm-up 100] [--steps start,read,codes,wrong-code,support]
        """);
    return 64;
}
