namespace RegistryJanitor.Demo;

/// <summary>The unpacked files of one Debian package and its control stanza (for the dpkg status database).</summary>
/// <param name="Name">Package name, e.g. <c>make</c>.</param>
/// <param name="Files">The package's files, paths relative to the image root.</param>
/// <param name="Control">The package's <c>DEBIAN/control</c> text.</param>
/// <param name="IsStandIn">True when the package was not in the files folder and generated content stands in.</param>
internal sealed record DemoPackage(string Name, IReadOnlyList<DemoFile> Files, string Control, bool IsStandIn);
