using System.Text.Json;
using System.Text.Json.Serialization;

namespace Northstar.Core.Simulation;

/// <summary>Reads and writes <see cref="GroundTruth"/> as snake_case JSON, conventionally <c>ground_truth.json</c> beside the data.</summary>
public static class GroundTruthJson
{
    /// <summary>The file name the truth gets beside the CSV files.</summary>
    public const string FileName = "ground_truth.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The truth as JSON text.</summary>
    public static string Serialize(GroundTruth truth) => JsonSerializer.Serialize(truth, Options);

    /// <summary>Parses JSON written by <see cref="Serialize"/>.</summary>
    public static GroundTruth Deserialize(string json) =>
        JsonSerializer.Deserialize<GroundTruth>(json, Options) ?? throw new JsonException("The ground truth is empty.");

    /// <summary>Writes <see cref="FileName"/> into the directory; returns its path.</summary>
    public static string Save(GroundTruth truth, string directory)
    {
        ArgumentNullException.ThrowIfNull(truth);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, Serialize(truth));
        return path;
    }

    /// <summary>Reads a ground-truth file.</summary>
    public static GroundTruth Load(string path) => Deserialize(File.ReadAllText(path));
}
