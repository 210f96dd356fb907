using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Marsad.Extract.Entities;

/// <summary>
/// An immutable open-addressing table from feature key to row number: linear probing over a power-of-two array at
/// most half full, keys mixed by a multiplicative hash, each key stored beside its row so a probe touches one cache
/// line. Faster than a general dictionary for the tagger's lookups per token, and safe to read from many threads.
/// </summary>
internal sealed class FeatureIndex
{
    private readonly Entry[] _entries;
    private readonly int _shift;

    public FeatureIndex(ulong[] keys)
    {
        var capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        _entries = new Entry[capacity];
        for (var i = 0; i < capacity; i++)
        {
            _entries[i].Row = -1;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var slot = Slot(keys[i]);
            while (_entries[slot].Row >= 0 && _entries[slot].Key != keys[i])
            {
                slot = (slot + 1) & (capacity - 1);
            }

            _entries[slot] = new Entry { Key = keys[i], Row = i };
        }
    }

    /// <summary>The row of <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            ref readonly var e = ref entries[slot];
            if (e.Row < 0 || e.Key == key)
            {
                return e.Row;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public ulong Key;
        public int Row;
    }
}
