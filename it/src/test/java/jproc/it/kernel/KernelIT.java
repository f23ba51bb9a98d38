package jproc.it.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The installed kernel, driven by Debian's jupyter_client from {@code /usr/bin/python3}: one test per item of the
 * kernel's contract. The checks run once, in one script ({@code kernel/kernel_checks.py}), against one kernel
 * (plus the kernels that restart, nbclient and nbconvert start); each test reports its check.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class KernelIT {
    private static PythonChecks checks;

    @BeforeAll
    static void runChecks() throws Exception {
        checks = PythonChecks.run("kernel/kernel_checks.py", Duration.ofMinutes(10));
    }

    @Test
    void kernelInfoDescribesJavaAndTheProtocol() {
        checks.assertPassed("kernel_info");
    }

    @Test
    void declarationsAreKeptAndTheLastExpressionIsTheResult() {
        checks.assertPassed("execute_declarations_and_values");
    }

    @Test
    void outputIsStreamedWhileTheCellRuns() {
        checks.assertPassed("output_streams_as_printed");
    }

    @Test
    void compileAndRuntimeErrorsPointIntoTheCell() {
        checks.assertPassed("errors_compile_and_runtime");
    }

    @Test
    void cellsQueuedBehindAFailingCellAreAborted() {
        checks.assertPassed("stop_on_error_aborts_queued_cells");
    }

    @Test
    void completionInspectionAndIsComplete() {
        checks.assertPassed("complete_inspect_is_complete");
    }

    @Test
    void stdinPromptsThroughInputRequests() {
        checks.assertPassed("stdin_input_request");
    }

    @Test
    void richDisplayAndUpdateInPlace() {
        checks.assertPassed("rich_display");
    }

    @Test
    void interruptStopsBlockedAndCpuBoundCellsWithinASecond() {
        checks.assertPassed("interrupt_blocking_and_cpu_bound");
    }

    @Test
    void systemExitIsAnErrorNotAnExit() {
        checks.assertPassed("system_exit_does_not_kill_the_kernel");
    }

    @Test
    void lateThreadOutputUpdatesADisplayUnderItsCell() {
        checks.assertPassed("late_thread_output_stays_under_its_cell");
    }

    @Test
    void nbclientShowsLateOutputUnderItsCell() {
        checks.assertPassed("late_output_in_nbclient");
    }

    @Test
    void smokeNotebookRunsWithNbconvert() {
        checks.assertPassed("smoke_notebook_with_nbconvert");
    }

    @Test
    void malformedAndWronglySignedMessagesAreRejected() {
        checks.assertPassed("bad_messages_are_rejected");
    }

    @Test
    void magicsListHelpSuggestAndClasspath() {
        checks.assertPassed("magics_lsmagic_help_unknown_classpath");
    }

    @Test
    void childrenGetNotebookCodeAndCopiesOfTheVariablesTheyUse() {
        checks.assertPassed("children_get_notebook_code_and_copies_of_variables");
    }

    @Test
    void installerSupportsPrefixUserLevelAndUninstall() {
        checks.assertPassed("installer_prefix_user_and_uninstall");
    }

    @Test
    void restartAndShutdownLeaveNoJvmAndNoSharedMemory() {
        checks.assertPassed("restart_and_shutdown_leave_nothing");
    }

    @Test
    void aKilledKernelLeavesNoJvmAndTheNextKernelRemovesItsFiles() {
        checks.assertPassed("killed_kernel_leaves_nothing");
    }

    @Test
    void childrenMapAClassArchiveTrainedOnceOwnerOnly() {
        checks.assertPassed("children_share_a_trained_class_archive");
    }

    @Test
    void aMagicInTheFirstCellOfAKernelWaitsForTheSession() {
        checks.assertPassed("spawn_magic_as_the_first_cell");
    }
}
