namespace Marsad.Model;

/// <summary>
/// The typed name of one annotation layer of a <see cref="Document"/>. Annotators declare the keys
/// they read and write, so the pipeline can check their order when it is built.
/// </summary>
public sealed class LayerKey<T> : ILayerKey
{
    public LayerKey(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}

/// <summary>The untyped view of a layer key, for dependency checks.</summary>
public interface ILayerKey
{
    string Name { get; }
}
