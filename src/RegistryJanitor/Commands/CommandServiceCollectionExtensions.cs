using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RegistryJanitor.Commands;

/// <summary>Registers commands of the executable.</summary>
public static class CommandServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="TCommand"/> to the commands the executable dispatches to.</summary>
    public static IServiceCollection AddCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, ICommand
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Transient<ICommand, TCommand>());
        return services;
    }
}
