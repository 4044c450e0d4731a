namespace RegistryJanitor.Demo;

/// <summary>One Dockerfile step of a demo image: its history text and the layer it made (none for metadata).</summary>
internal sealed record DemoStep(string CreatedBy, DemoLayer? Layer)
{
    public static DemoStep Meta(string createdBy) => new(createdBy, null);
}
