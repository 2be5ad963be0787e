using System.Text.Json;
using Dgt.Configuration;

namespace Dgt.Runtime.Tests.Support;

/// <summary>A question-answer record with a hand-written codec, standing in for generated code in runtime tests.</summary>
public sealed record QaRow : DataPoint
{
    public required string Question { get; init; }

    public required string Answer { get; init; }
}

public sealed class QaRowCodec : RowCodec<QaRow>
{
    public static QaRowCodec Instance { get; } = new();

    public override string RecordName => nameof(QaRow);

    public override IReadOnlyList<string> FieldNames { get; } = ["task_name", "is_seed", "question", "answer"];

    public override QaRow? Read(IConfigMap row, string defaultTaskName)
    {
        row.ReportUnknownKeys([.. FieldNames]);
        var question = row.TryGetString("question", out var q) ? q : null;
        var answer = row.TryGetString("answer", out var a) ? a : null;
        ReportRequired(row, "question", question);
        ReportRequired(row, "answer", answer);

        var taskName = row.TryGetString("task_name", out var t) ? t : defaultTaskName;
        var isSeed = row.TryGetBoolean("is_seed", out var s) && s;
        return row.HasErrors ? null : new QaRow { TaskName = taskName, IsSeed = isSeed, Question = question!, Answer = answer! };
    }

    // As the generated codecs do: an absent value is missing, an empty one invalid, a wrong one reported where read.
    private static void ReportRequired(IConfigMap row, string key, string? value)
    {
        if (value is not null)
        {
            return;
        }

        if (row.FindKey(key) is null)
        {
            row.ReportMissing(key, "text");
        }
        else if (row.IsNull(key))
        {
            row.ReportInvalid(key, "text");
        }
    }

    public override void Write(Utf8JsonWriter writer, QaRow row)
    {
        writer.WriteStartObject();
        writer.WriteString("task_name", row.TaskName);
        writer.WriteBoolean("is_seed", row.IsSeed);
        writer.WriteString("question", row.Question);
        writer.WriteString("answer", row.Answer);
        writer.WriteEndObject();
    }

    public override bool TryGetField(QaRow row, string field, out object? value)
    {
        value = field switch
        {
            "task_name" => row.TaskName,
            "is_seed" => row.IsSeed,
            "question" => row.Question,
            "answer" => row.Answer,
            _ => null,
        };
        return value is not null;
    }
}
