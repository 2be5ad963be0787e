using System;
using System.Collections.Generic;
using System.IO;
namespace Dgt.Configuration;

/// <summary>One <c>key: value</c> of a mapping.</summary>
public sealed class ConfigEntry
{
    /// <summary>Creates an entry.</summary>
    public ConfigEntry(ConfigScalar key, ConfigNode value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The key, with its location.</summary>
    public ConfigScalar Key { get; }

    /// <summary>The value.</summary>
    public ConfigNode Value { get; }
}
