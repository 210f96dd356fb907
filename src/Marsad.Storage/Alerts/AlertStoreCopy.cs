namespace Marsad.Storage.Alerts;

/// <summary>
/// Carries the watchlists, alerts and pending webhook deliveries of one store into another (a re-analysis's shadow,
/// which replaces the store): what the target already keeps is left alone, so copying again (to catch up) is safe, and
/// an alert copied before the target's run raises it again is only updated with sources it lacked, never sent twice.
/// </summary>
public static class AlertStoreCopy
{
    public static void Copy(IAlertStore from, IAlertStore to)
    {
        foreach (var w in from.Watchlists())
        {
            to.AddWatchlist(w);
        }

        AlertMark? mark = null;
        while (true)
        {
            var alerts = from.AlertsAfter(mark, null, null, 500);
            foreach (var a in alerts)
            {
                to.ImportAlert(a);
                mark = new AlertMark(a.Seq, a.Id);
            }

            if (alerts.Count < 500)
            {
                break;
            }
        }

        foreach (var d in from.DueDeliveries(long.MaxValue, int.MaxValue))
        {
            to.ImportDelivery(d);
        }
    }
}
