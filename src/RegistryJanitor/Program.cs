using RegistryJanitor;
using RegistryJanitor.Commands;
using RegistryJanitor.Costs;
using RegistryJanitor.Events;
using RegistryJanitor.Ranking;
using RegistryJanitor.Scanning;

// Each feature registers its options, services, commands, jobs and endpoints here: one AddXxx line per feature.
return await CommandLineApplication.RunAsync(args, static (services, configuration) =>
{
    services.AddFoundation(configuration);
    services.AddScanner(configuration);
    services.AddCosts(configuration);
    services.AddRegistryEvents(configuration);
    services.AddRanking(configuration);
});
