// SPDX-License-Identifier: GPL-2.0
/*
 * bf_asuser UID GID CMD [ARGS...]: run CMD as an unprivileged user.  The
 * test VM's busybox has neither a passwd database for su nor a setpriv that
 * changes ids, so this drops the supplementary groups, then the group and
 * user ids (which clears every capability), checks that root cannot be had
 * back, and execs CMD.
 */
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	uid_t uid;
	gid_t gid;

	if (argc < 4) {
		fprintf(stderr, "usage: bf_asuser UID GID CMD [ARGS...]\n");
		return 2;
	}
	uid = strtoul(argv[1], NULL, 0);
	gid = strtoul(argv[2], NULL, 0);
	if (setgroups(0, NULL) || setgid(gid) || setuid(uid)) {
		perror("bf_asuser: dropping privileges");
		return 126;
	}
	if (!uid && !gid)
		goto run;
	if (!setuid(0) || !geteuid()) {
		fprintf(stderr, "bf_asuser: root could be regained\n");
		return 126;
	}
run:
	execvp(argv[3], argv + 3);
	perror(argv[3]);
	return 127;
}
