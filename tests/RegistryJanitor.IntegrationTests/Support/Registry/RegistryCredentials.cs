namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>A user name and password for Basic auth or the token endpoint.</summary>
public sealed record RegistryCredentials(string UserName, string Password)
{
    /// <summary>The value of a Basic Authorization header.</summary>
    public string BasicParameter()
    {
        return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(UserName + ":" + Password));
    }

    /// <summary>Never prints the password.</summary>
    public override string ToString()
    {
        return $"RegistryCredentials {{ UserName = {UserName} }}";
    }
}
