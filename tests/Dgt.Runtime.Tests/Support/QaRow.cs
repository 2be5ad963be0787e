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

    public override IReadOnlyList<ConfigField> Fields { get; } =
    [
        new("task_name", [], ConfigFieldKind.Text, false, "text"),
        new("is_seed", [], ConfigFieldKind.Boolean, false, "true or false"),
        new("question", [], ConfigFieldKind.Text, true, "text"),
        new("answer", [], ConfigFieldKind.Text, true, "text"),
    ];

    public override QaRow? Read(IConfigMap row, string defaultTaskName)
    {
        row.ReportUnknownKeys([.. FieldNames]);
        var question = row.TryGetString("question", out var q) ? q : null;
        var answer = row.TryGetString("answer", out var a) ? a : null;
        if (question is null)
        {
            row.ReportRequired("question", "text");
        }

        if (answer is null)
        {
            row.ReportRequired("answer", "text");
        }

        var taskName = row.TryGetString("task_name", out var t) ? t : defaultTaskName;
        var isSeed = row.TryGetBoolean("is_seed", out var s) && s;
        return row.HasErrors ? null : new QaRow { TaskName = taskName, IsSeed = isSeed, Question = question!, Answer = answer! };
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
