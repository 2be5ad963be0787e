using System.Text;
using System.Text.Json;
using Dgt.Configuration;

namespace Dgt.Runtime.Configuration;

/// <summary>
/// Reads JSON (a <c>.json</c> file or one line of a <c>.jsonl</c> file) into located <see cref="ConfigNode"/>s, so
/// rows from JSON go through the same generated binding as rows from YAML, with the same file:line:column errors.
/// </summary>
public static class JsonConfigReader
{
    /// <summary>
    /// Parses <paramref name="json"/>, whose first character sits at <paramref name="firstLine"/> of
    /// <paramref name="path"/>. Returns null, with a located problem, when it is not valid JSON.
    /// </summary>
    public static ConfigNode? Read(string json, string path, int firstLine, ICollection<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(problems);
        var bytes = Encoding.UTF8.GetBytes(json);
        var positions = new PositionMap(bytes, path, firstLine);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = YamlConfigReader.MaxDepth });
        try
        {
            if (!reader.Read())
            {
                problems.Add(new ConfigProblem(positions.At(0, 0), "The JSON text is empty.", null));
                return null;
            }

            var node = ReadValue(ref reader, positions);
            if (reader.Read())
            {
                problems.Add(new ConfigProblem(positions.At((int)reader.TokenStartIndex, 1),
                    "Unexpected content after the JSON value.", "Keep one JSON value (one object per line in .jsonl)."));
                return null;
            }

            return node;
        }
        catch (JsonException exception)
        {
            var line = firstLine + (int)(exception.LineNumber ?? 0);
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            problems.Add(new ConfigProblem(new SourceSpan(path, line, column, line, column), "Invalid JSON: " + FirstSentence(exception.Message), null));
            return null;
        }
    }

    private static ConfigNode ReadValue(ref Utf8JsonReader reader, PositionMap positions)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<ConfigEntry>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var keyStart = (int)reader.TokenStartIndex;
                    var name = reader.GetString() ?? "";
                    var key = new ConfigScalar(name, isPlain: false, positions.At(keyStart, name.Length + 2));
                    reader.Read();
                    var value = ReadValue(ref reader, positions);
                    if (!seen.Add(name))
                    {
                        throw new JsonException($"the key '{name}' appears twice in one object", null,
                            key.Span.Line - positions.FirstLine, key.Span.Column - 1);
                    }

                    entries.Add(new ConfigEntry(key, value));
                }

                return new ConfigMapping(entries, positions.At(start, (int)reader.TokenStartIndex + 1 - start));
            case JsonTokenType.StartArray:
                var items = new List<ConfigNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, positions));
                }

                return new ConfigSequence(items, positions.At(start, (int)reader.TokenStartIndex + 1 - start));
            case JsonTokenType.String:
                var text = reader.GetString() ?? "";
                return new ConfigScalar(text, isPlain: false, positions.At(start, reader.ValueSpan.Length + 2));
            case JsonTokenType.Null:
                return new ConfigScalar("", isPlain: true, positions.At(start, 4));
            default:
                // Numbers and booleans keep their JSON spelling, which the invariant-culture readers accept.
                var raw = Encoding.UTF8.GetString(reader.ValueSpan);
                return new ConfigScalar(raw, isPlain: true, positions.At(start, raw.Length));
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    /// <summary>Turns byte offsets into 1-based lines and columns.</summary>
    private sealed class PositionMap
    {
        private readonly List<int> _lineStarts = [0];
        private readonly string _path;

        public PositionMap(byte[] bytes, string path, int firstLine)
        {
            _path = path;
            FirstLine = firstLine;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public int FirstLine { get; }

        public SourceSpan At(int offset, int length)
        {
            var index = _lineStarts.BinarySearch(offset);
            var lineIndex = index >= 0 ? index : ~index - 1;
            var column = offset - _lineStarts[lineIndex] + 1;
            var line = FirstLine + lineIndex;
            return new SourceSpan(_path, line, column, line, column + Math.Max(0, length), offset, offset + Math.Max(0, length));
        }
    }
}
