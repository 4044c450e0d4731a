using System.Text.Json;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>Small but well-formed in-toto statements, as BuildKit attaches them (SPDX SBOM, SLSA provenance).</summary>
public static class InTotoStatements
{
    public const string SpdxPredicate = "https://spdx.dev/Document";
    public const string ProvenancePredicate = "https://slsa.dev/provenance/v0.2";
    public const string PredicateTypeAnnotation = "in-toto.io/predicate-type";

    /// <summary>An in-toto v0.1 statement about one image manifest.</summary>
    public static byte[] Statement(string predicateType, string subjectName, string subjectDigest)
    {
        using var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("_type", "https://in-toto.io/Statement/v0.1");
            json.WriteString("predicateType", predicateType);
            json.WriteStartArray("subject");
            json.WriteStartObject();
            json.WriteString("name", subjectName);
            json.WriteStartObject("digest");
            json.WriteString("sha256", ContentDigest.Hex(subjectDigest));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("predicate");
            if (predicateType == SpdxPredicate)
            {
                json.WriteString("spdxVersion", "SPDX-2.3");
                json.WriteString("name", subjectName);
                json.WriteStartArray("packages");
                json.WriteEndArray();
            }
            else
            {
                json.WriteStartObject("builder");
                json.WriteString("id", "https://github.com/moby/buildkit");
                json.WriteEndObject();
                json.WriteString("buildType", "https://mobyproject.org/buildkit@v1");
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return output.ToArray();
    }

    /// <summary>The in-toto layer of a statement, annotated with its predicate type.</summary>
    public static BlobLayer Layer(string predicateType, string subjectName, string subjectDigest)
    {
        return new BlobLayer(
            Statement(predicateType, subjectName, subjectDigest),
            MediaTypes.InToto,
            Annotations: new Dictionary<string, string> { [PredicateTypeAnnotation] = predicateType });
    }
}
