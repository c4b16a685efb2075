/* benchrun.c - runs one command and measures it, for make bench.
 *
 *   benchrun [-t SECONDS] [-C DIR] [-o FILE] [-n NICE] -- COMMAND [ARG...]
 *
 * Runs COMMAND (found on PATH) in a process group of its own, in DIR when -C
 * is given, with its standard output sent to FILE when -o is given (else
 * /dev/null; standard error is kept), at niceness NICE when -n is given (a
 * negative one needs root: on a shared machine it keeps other work from
 * taking the processors from the command; when it cannot be had, the
 * command runs as it is, with a note on standard error). When it has not ended after SECONDS,
 * the whole group is killed. Prints one line:
 *
 *   WALL_S MAXRSS_KIB USER_S SYS_S STATUS
 *
 * wall time from fork to reaping (monotonic clock), the peak resident set of
 * the command and of its reaped descendants (wait4's rusage), the CPU time,
 * and STATUS: the exit code, "timeout", or "signal:N". Exits 0 when it could
 * run the command, whatever the command's status; 2 on a usage error.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;
static pid_t child;

static void
on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
	if (child > 0)
		kill(-child, SIGKILL);
}

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
usage(void)
{
	fputs("usage: benchrun [-t SECONDS] [-C DIR] [-o FILE] [-n NICE] -- COMMAND [ARG...]\n",
	      stderr);
	return 2;
}

int
main(int argc, char **argv)
{
	unsigned timeout = 0;
	int nice_value = 0, set_nice = 0;
	const char *dir = NULL, *outfile = "/dev/null";
	int i = 1;
	for (; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (i + 1 >= argc)
			return usage();
		if (strcmp(argv[i], "-t") == 0)
			timeout = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "-C") == 0)
			dir = argv[++i];
		else if (strcmp(argv[i], "-o") == 0)
			outfile = argv[++i];
		else if (strcmp(argv[i], "-n") == 0)
			nice_value = atoi(argv[++i]), set_nice = 1;
		else
			return usage();
	}
	if (i >= argc)
		return usage();

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);

	double start = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("benchrun: fork");
		return 1;
	}
	if (pid == 0) {
		setpgid(0, 0);
		if (set_nice && setpriority(PRIO_PROCESS, 0, nice_value) != 0)
			fprintf(stderr, "benchrun: cannot run at niceness %d: %s\n", nice_value,
			        strerror(errno));
		int fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
			fprintf(stderr, "benchrun: %s: %s\n", outfile, strerror(errno));
			_exit(127);
		}
		close(fd);
		if (dir && chdir(dir) != 0) {
			fprintf(stderr, "benchrun: %s: %s\n", dir, strerror(errno));
			_exit(127);
		}
		execvp(argv[i], argv + i);
		fprintf(stderr, "benchrun: %s: %s\n", argv[i], strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	child = pid;
	if (timeout)
		alarm(timeout);

	int st;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("benchrun: wait4");
			return 1;
		}
	}
	double wall = now() - start;
	alarm(0);
	/* Whatever the command left running in its group goes too. */
	kill(-pid, SIGKILL);

	char status[32];
	if (timed_out)
		snprintf(status, sizeof status, "timeout");
	else if (WIFSIGNALED(st))
		snprintf(status, sizeof status, "signal:%d", WTERMSIG(st));
	else
		snprintf(status, sizeof status, "%d", WEXITSTATUS(st));
	/* Microseconds: a run of a small book takes a few milliseconds. */
	printf("%.6f %ld %.6f %.6f %s\n", wall, ru.ru_maxrss,
	       (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6, status);
	return 0;
}
