namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>One installed package's stanza of a dpkg status file, as far as attribution needs it.</summary>
/// <param name="Name">The <c>Package:</c> name.</param>
/// <param name="Version">The <c>Version:</c> value, empty when missing.</param>
/// <param name="Dependencies">
/// <c>Pre-Depends:</c> and <c>Depends:</c>, one list of alternative package names per relation, versions and
/// architecture qualifiers removed.
/// </param>
/// <param name="Provides">Virtual package names from <c>Provides:</c>.</param>
/// <param name="IsBaseSystem"><c>Essential: yes</c> or <c>Priority: required</c>.</param>
internal sealed record DpkgStatusEntry(
    string Name,
    string Version,
    IReadOnlyList<IReadOnlyList<string>> Dependencies,
    IReadOnlyList<string> Provides,
    bool IsBaseSystem);
