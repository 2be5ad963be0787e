using System.Text;
using Dgt.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>Reads a YAML or JSON configuration file with bounded size and clear errors.</summary>
public static class ConfigFile
{
    /// <summary>Files larger than this are refused: configuration is small, a huge file is a mistake or an attack.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>The parsed document, or null with a problem.</summary>
    public static ConfigNode? ReadYaml(string path, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var text = ReadText(path, problems);
        return text is null ? null : YamlConfigReader.Read(text, path, problems);
    }

    /// <summary>The file's text, or null with a problem.</summary>
    public static string? ReadText(string path, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var at = SourceSpan.StartOf(path);
        try
        {
            if (Directory.Exists(path))
            {
                problems.Add(new ConfigProblem(at, $"'{path}' is a directory, where a file was expected.", "Name the file itself."));
                return null;
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problems.Add(new ConfigProblem(at, $"No file at '{path}'.", null));
                return null;
            }

            if (info.Length > MaxBytes)
            {
                problems.Add(new ConfigProblem(at, $"'{path}' is {info.Length / (1024 * 1024)} MiB; configuration files are limited to {MaxBytes / (1024 * 1024)} MiB.", null));
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            var text = decoder.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException exception)
        {
            problems.Add(new ConfigProblem(at, $"'{path}' is not valid UTF-8 (byte offset {exception.Index}).", "Save the file as UTF-8."));
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigProblem(at, $"'{path}' cannot be read: {exception.Message}", null));
            return null;
        }
    }
}
