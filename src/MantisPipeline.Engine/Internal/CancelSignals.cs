using System.Runtime.InteropServices;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Engine.Internal;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM (kill, docker stop, a CI cancel) into cancel requests, so
/// that the process lives on to run its assured targets instead of dying at once.
/// </summary>
internal sealed class CancelSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;

    private CancelSignals(BuildCancellation cancellation)
    {
        // A build started with SIGINT ignored (`build &` in a script) keeps it ignored, as
        // POSIX asks of background jobs; SIGTERM still reaches it.
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, cancellation)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, cancellation)),
        ];
    }

    public static CancelSignals Register(BuildCancellation cancellation) => new(cancellation);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private static void OnSignal(PosixSignalContext context, BuildCancellation cancellation)
    {
        context.Cancel = true;
        var signal = context.Signal == PosixSignal.SIGINT ? "Ctrl-C (SIGINT)" : "SIGTERM";

        switch (cancellation.Request())
        {
            case CancelStage.Build:
                Log.Warning($"{signal}: cancelling the running target; assured targets still run. " +
                    "Press Ctrl-C or send SIGTERM again to cancel those too.");
                break;
            case CancelStage.Assured:
                Log.Warning($"{signal}: cancelling the assured targets too.");
                break;
            case CancelStage.Repeated:
                Log.Debug($"{signal} came within {BuildCancellation.SameRequestWindow.TotalSeconds:0}s " +
                    "of the previous cancel request, so it counts as that request.");
                break;
        }
    }
}
