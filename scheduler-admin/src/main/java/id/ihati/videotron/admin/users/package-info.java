/**
 * Managing the people who sign in (ADMIN only): list, create with a role and organisation, edit, disable
 * (which ends their sessions), reset a password (generated, shown once, changed at next login), and each
 * person's choice of Bahasa Indonesia or English. Every change is audited.
 */
package id.ihati.videotron.admin.users;
