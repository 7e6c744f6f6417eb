/** The audit log: who changed what, when; written in the same transaction as the change. */
package id.ihati.videotron.admin.audit;
