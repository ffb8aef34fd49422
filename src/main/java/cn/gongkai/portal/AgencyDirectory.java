package cn.gongkai.portal;

import java.util.List;
import java.util.Optional;

/**
 * The agencies an applicant may send a request to, as the portal lists them. Today the agencies of this
 * installation; a prefecture platform can supply another implementation.
 */
public interface AgencyDirectory {

  /** Every agency accepting online requests, in display order. */
  List<PublicAgency> list();

  default Optional<PublicAgency> find(String code) {
    return list().stream().filter(a -> a.code().equals(code)).findFirst();
  }

  /** What the public sees of an agency: its code and name. */
  record PublicAgency(String code, String name) {}
}
