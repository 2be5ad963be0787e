using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dgt.Runtime.Storage;

/// <summary>Turns rows and records into single-line JSON, keeping non-ASCII text readable.</summary>
public static class RowJson
{
    /// <summary>Writer options shared by every output file.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Serialises one row through its generated codec.</summary>
    public static string Serialize<TData>(RowCodec<TData> codec, TData row)
        where TData : DataPoint
    {
        ArgumentNullException.ThrowIfNull(codec);
        return Write(writer => codec.Write(writer, row));
    }

    /// <summary>Runs <paramref name="write"/> against a fresh writer and returns the text.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
