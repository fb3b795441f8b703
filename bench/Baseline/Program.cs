using StackExchange.Redis;

// GET / answers the value of one Redis key: the least any endpoint of the service that touches
// Redis can do. Same host builder, Kestrel defaults and log levels as the service (JSON console
// logs, Microsoft.AspNetCore at Warning); ConnectionStrings__Redis and ASPNETCORE_URLS come from
// the bench.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddJsonConsole();
var redis = await ConnectionMultiplexer.ConnectAsync(
    builder.Configuration.GetConnectionString("Redis") ?? throw new InvalidOperationException("ConnectionStrings__Redis is not set."));
const string Key = "bench:baseline";
await redis.GetDatabase().StringSetAsync(Key, "{\"ok\":true}");

var app = builder.Build();
app.MapGet("/", async () => Results.Text((string?)await redis.GetDatabase().StringGetAsync(Key), "application/json"));
await app.RunAsync();
