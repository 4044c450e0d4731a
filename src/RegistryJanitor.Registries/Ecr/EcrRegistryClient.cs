namespace RegistryJanitor.Registries.Ecr;

/// <summary>
/// The Basic credential of the ECR registry's <c>/v2</c> API from <c>GetAuthorizationToken</c>, cached until
/// shortly before it expires; <see cref="EcrAuthenticationHandler"/> puts it on requests to the registry.
/// </summary>
public sealed class EcrRegistryClient : IDisposable
{
    /// <summary>How long before <c>expiresAt</c> a new registry credential is fetched.</summary>
    public static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly EcrClient _api;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EcrAuthorization? _authorization;

    /// <param name="api">The control-plane client that issues registry credentials.</param>
    /// <param name="timeProvider">The clock for credential expiry.</param>
    public EcrRegistryClient(EcrClient api, TimeProvider timeProvider)
    {
        _api = api;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>The cached registry credential, renewed <see cref="RenewBeforeExpiry"/> before it expires.</summary>
    internal async Task<EcrAuthorization> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_authorization is null || _authorization.ExpiresAt - RenewBeforeExpiry <= _timeProvider.GetUtcNow())
            {
                _authorization = await _api.GetAuthorizationTokenAsync(cancellationToken);
            }

            return _authorization;
        }
        finally
        {
            _gate.Release();
        }
    }
}
