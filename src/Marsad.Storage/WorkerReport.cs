namespace Marsad.Storage;

/// <summary>What one worker did: documents committed (by save result), jobs failed, and jobs whose lease it lost.</summary>
public sealed class WorkerReport
{
    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Failed { get; set; }

    public int Lost { get; set; }

    public int Completed => Inserted + Updated + Unchanged;

    public void Add(SaveResult result)
    {
        switch (result)
        {
            case SaveResult.Inserted: Inserted++; break;
            case SaveResult.Updated: Updated++; break;
            default: Unchanged++; break;
        }
    }
}
