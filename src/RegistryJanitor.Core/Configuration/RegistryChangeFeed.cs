namespace RegistryJanitor.Core.Configuration;

/// <summary>What tells a re-scan which repositories changed since they were last read in full.</summary>
public enum RegistryChangeFeed
{
    /// <summary>Nothing: every scan reads every tag of every repository (a conditional HEAD per tag).</summary>
    None,

    /// <summary>
    /// The registry's notifications, posted to this service's <c>RegistryEvents</c> receiver: a repository with
    /// no push, delete or mount event since its last full scan is skipped until its full scan is due again.
    /// </summary>
    Notifications,
}
