using RegistryJanitor;
using RegistryJanitor.Analysis;
using RegistryJanitor.Commands;
using RegistryJanitor.Costs;
using RegistryJanitor.Demo;
using RegistryJanitor.Events;
using RegistryJanitor.Ranking;
using RegistryJanitor.Scanning;

// Each feature registers its options, services, commands, jobs and endpoints here: one AddXxx line per feature.
return await CommandLineApplication.RunAsync(args, static (services, configuration) =>
{
    services.AddFoundation(configuration);
    services.AddScanner(configuration);
    services.AddLayerAnalysisRuns(configuration);
    services.AddCosts(configuration);
    services.AddRegistryEvents(configuration);
    services.AddRanking(configuration);
    services.AddReporting(configuration);
    services.AddDemo(configuration);
});
