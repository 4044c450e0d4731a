namespace RegistryJanitor.Analysis;

/// <summary>Per-registry analysis settings: <c>Registries:N:Analysis:Enabled</c> and <c>:MaxBytes</c>.</summary>
/// <param name="Enabled">Whether the registry's layers are analysed. Default true.</param>
/// <param name="MaxBytes">Byte budget per run; null for <see cref="AnalysisOptions.MaxBytes"/>.</param>
public sealed record RegistryAnalysisSettings(bool Enabled, long? MaxBytes);
