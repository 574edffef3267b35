// The yardstick for Certa's single-verification throughput (bench/load/verify.sh): a bare ASP.NET Core endpoint on the
// same machine, Kestrel defaults, no logging, returning a fixed string.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/", () => "hello");
app.Run();
