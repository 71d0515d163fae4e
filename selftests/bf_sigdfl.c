// SPDX-License-Identifier: GPL-2.0
/*
 * bf_sigdfl CMD [ARGS...]: run CMD with SIGINT, SIGQUIT, SIGHUP and SIGPIPE
 * at their default action.  A non-interactive shell starts background jobs with both ignored
 * (POSIX), which would hide whether a tool really stops on Ctrl-C.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bf_sigdfl CMD [ARGS...]\n");
		return 2;
	}
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	execvp(argv[1], argv + 1);
	perror(argv[1]);
	return 127;
}
