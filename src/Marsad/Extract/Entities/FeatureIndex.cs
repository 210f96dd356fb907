namespace Marsad.Extract.Entities;

/// <summary>
/// An immutable open-addressing table from feature key to row number: linear probing over a power-of-two array at
/// most half full, keys mixed by a multiplicative hash. Faster than a general dictionary for the tagger's tens of
/// lookups per token, and safe to read from many threads.
/// </summary>
internal sealed class FeatureIndex
{
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly int _shift;

    public FeatureIndex(ulong[] keys)
    {
        var capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        _keys = new ulong[capacity];
        _rows = new int[capacity];
        Array.Fill(_rows, -1);
        for (var i = 0; i < keys.Length; i++)
        {
            var slot = Slot(keys[i]);
            while (_rows[slot] >= 0 && _keys[slot] != keys[i])
            {
                slot = (slot + 1) & (capacity - 1);
            }

            _keys[slot] = keys[i];
            _rows[slot] = i;
        }
    }

    /// <summary>The row of <paramref name="key"/>, or -1.</summary>
    public int Find(ulong key)
    {
        var mask = _keys.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            var row = _rows[slot];
            if (row < 0 || _keys[slot] == key)
            {
                return row;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
