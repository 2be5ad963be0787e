using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dgt.Configuration;

/// <summary>
/// Reads one YAML document into <see cref="ConfigNode"/>s with their locations, using YamlDotNet's parser (no
/// reflection). The source generator compiles this same file, so build-time and run-time checks read YAML alike.
/// Bad input never throws: it becomes a located <see cref="ConfigProblem"/>.
/// </summary>
public static class YamlConfigReader
{
    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes a document may expand to, aliases counted as often as they are used.</summary>
    public const long MaxExpandedNodes = 1_000_000;

    /// <summary>
    /// Parses <paramref name="text"/>. Returns the root node, or null when the document is empty or broken
    /// (then <paramref name="problems"/> says why).
    /// </summary>
    public static ConfigNode? Read(string text, string path, ICollection<ConfigProblem> problems)
    {
        var state = new ReaderState(path);
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, state, depth: 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var start = parser.Current?.Start;
                state.Problems.Add(new ConfigProblem(
                    At(path, start, start),
                    "The file holds more than one YAML document.",
                    "Keep one document: remove the '---' separator and what follows it."));
            }

            foreach (var problem in state.Problems)
            {
                problems.Add(problem);
            }

            return state.Problems.Count == 0 ? root : null;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // YamlDotNet reports most syntax errors as YamlException with a position, some as plain exceptions.
            var (start, end) = exception is YamlException yaml
                ? (yaml.Start, yaml.End)
                : (parser.Current?.Start, parser.Current?.End);
            foreach (var problem in state.Problems)
            {
                problems.Add(problem);
            }

            problems.Add(new ConfigProblem(At(path, start, end), "Invalid YAML: " + Describe(exception), null));
            return null;
        }
    }

    private static ConfigNode ReadNode(IParser parser, ReaderState state, int depth)
    {
        var current = parser.Current;
        if (depth > MaxDepth)
        {
            throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty,
                "the document is nested deeper than " + MaxDepth + " levels");
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!state.Anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, "the alias *" + alias.Value.Value + " names no anchor");
            }

            // Aliases re-use nodes without copying them, but anything that walks the tree pays for every use.
            state.Count(target.Weight, alias.Start, alias.End);
            return target.Node;
        }

        var before = state.Expanded;
        ConfigNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = new ConfigScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(state.Path, scalar.Start, scalar.End));
            anchor = scalar.Anchor;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            node = ReadSequence(parser, state, depth, sequenceStart);
            anchor = sequenceStart.Anchor;
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            node = ReadMapping(parser, state, depth, mappingStart);
            anchor = mappingStart.Anchor;
        }
        else
        {
            throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, "unexpected YAML content");
        }

        state.Count(1, current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty);
        if (!anchor.IsEmpty)
        {
            state.Anchors[anchor.Value] = new Anchored(node, state.Expanded - before);
        }

        return node;
    }

    private static ConfigSequence ReadSequence(IParser parser, ReaderState state, int depth, SequenceStart start)
    {
        var items = new List<ConfigNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(parser, state, depth + 1));
        }

        var end = items.Count > 0 ? EndOf(items[items.Count - 1]) : start.End;
        return new ConfigSequence(items, At(state.Path, start.Start, end));
    }

    private static ConfigMapping ReadMapping(IParser parser, ReaderState state, int depth, MappingStart start)
    {
        var entries = new List<ConfigEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, state, depth + 1);
            var value = ReadNode(parser, state, depth + 1);
            if (keyNode is not ConfigScalar key)
            {
                state.Problems.Add(new ConfigProblem(keyNode.Span,
                    "A mapping key must be a single value, not " + keyNode.KindName + ".", "Write the key as plain text."));
                continue;
            }

            if (!seen.Add(key.Value))
            {
                state.Problems.Add(new ConfigProblem(key.Span,
                    "The key '" + key.Value + "' appears twice in this mapping.", "Remove one of them."));
                continue;
            }

            entries.Add(new ConfigEntry(key, value));
        }

        var end = entries.Count > 0 ? EndOf(entries[entries.Count - 1].Value) : start.End;
        return new ConfigMapping(entries, At(state.Path, start.Start, end));
    }

    private static Mark EndOf(ConfigNode node) =>
        new(node.Span.End, node.Span.EndLine, node.Span.EndColumn);

    private static SourceSpan At(string path, Mark? start, Mark? end)
    {
        var from = start ?? Mark.Empty;
        var to = end ?? from;
        var line = Math.Max(1, (int)from.Line);
        var column = Math.Max(1, (int)from.Column);
        var endLine = Math.Max(line, (int)to.Line);
        var endColumn = endLine == line ? Math.Max(column, (int)to.Column) : Math.Max(1, (int)to.Column);
        return new SourceSpan(path, line, column, endLine, endColumn, (int)from.Index, Math.Max((int)from.Index, (int)to.Index));
    }

    private static string Describe(Exception exception)
    {
        // Some malformed input makes YamlDotNet fail with a bare state error whose text means nothing to a user.
        if (exception is not YamlException)
        {
            return "the parser could not go on from here; look for an unclosed bracket, brace or quote before this point.";
        }

        var message = exception is YamlException { InnerException: { } inner } ? inner.Message : exception.Message;

        // YamlDotNet prefixes its own "(Line: …)" position; ours comes first already.
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0)
        {
            message = message.Substring(cut + 3);
        }

        return message.TrimEnd('.') + ".";
    }

    private sealed class Anchored
    {
        public Anchored(ConfigNode node, long weight)
        {
            Node = node;
            Weight = weight;
        }

        public ConfigNode Node { get; }

        public long Weight { get; }
    }

    private sealed class ReaderState
    {
        public ReaderState(string path)
        {
            Path = path;
        }

        public string Path { get; }

        public Dictionary<string, Anchored> Anchors { get; } = new(StringComparer.Ordinal);

        public List<ConfigProblem> Problems { get; } = new();

        public long Expanded { get; private set; }

        public void Count(long nodes, Mark start, Mark end)
        {
            Expanded += nodes;
            if (Expanded > MaxExpandedNodes)
            {
                throw new YamlException(start, end,
                    "the document expands to more than " + MaxExpandedNodes + " nodes (an alias bomb?)");
            }
        }
    }
}
