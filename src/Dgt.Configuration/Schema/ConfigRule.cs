using System.Collections.Generic;
using System.Globalization;

namespace Dgt.Configuration.Schema;

/// <summary>
/// One configuration rule: its DGT diagnostic ID and the words of its message and fix, as composite formats. The
/// build reports it as a diagnostic and start-up prints it, from this one text.
/// </summary>
public sealed class ConfigRule
{
    /// <summary>Creates a rule.</summary>
    public ConfigRule(string id, string message, string? fix = null)
    {
        Id = id;
        Message = message;
        Fix = fix;
    }

    /// <summary>The DGT diagnostic ID, stable across releases.</summary>
    public string Id { get; }

    /// <summary>What is wrong, as a composite format over the problem's arguments.</summary>
    public string Message { get; }

    /// <summary>How to fix it, as a composite format over the same arguments.</summary>
    public string? Fix { get; }

    /// <summary>The problem this rule finds at <paramref name="span"/>.</summary>
    public ConfigProblem At(SourceSpan span, params object[] arguments) => new(
        span,
        string.Format(CultureInfo.InvariantCulture, Message, arguments),
        Fix is null ? null : string.Format(CultureInfo.InvariantCulture, Fix, arguments),
        Id);

    /// <summary>The message and its fix as one sentence pair, as the build's diagnostic carries them.</summary>
    public string Text(params object[] arguments)
    {
        var problem = At(SourceSpan.StartOf(""), arguments);
        return problem.Fix is null ? problem.Message : problem.Message + " " + problem.Fix;
    }

    /// <summary>Adds the problem this rule finds at <paramref name="span"/> to <paramref name="problems"/>.</summary>
    public void Report(ICollection<ConfigProblem> problems, SourceSpan span, params object[] arguments) =>
        problems.Add(At(span, arguments));
}
