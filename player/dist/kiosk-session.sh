#!/bin/sh
# The X session of the videotron PC's autologin user: no screen saver, no blanking, no power management,
# no cursor, then the player as a systemd user service (which restarts it whenever it ends).
# Install as /usr/local/bin/ihati-kiosk-session and select it with kiosk.desktop (see docs/player-install.md).
xset s off -dpms s noblank
# A window manager is not needed: the player's window is undecorated and placed by its own coordinates.
# unclutter hides the pointer of other windows too (the player hides its own).
command -v unclutter >/dev/null 2>&1 && unclutter -idle 0 -root &
systemctl --user import-environment DISPLAY XAUTHORITY
systemctl --user start graphical-session.target 2>/dev/null || true
systemctl --user restart ihati-player
# The session lives as long as the player's service is wanted; wait forever.
exec sleep infinity
